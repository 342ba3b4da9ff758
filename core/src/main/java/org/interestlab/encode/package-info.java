/** Text → vectors: the TF-IDF baseline and the language-model encoders, plus the embedding cache. */
package org.interestlab.encode;
