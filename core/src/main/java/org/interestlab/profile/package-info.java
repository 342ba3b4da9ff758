/** What stands for a user: concatenated recent texts, or the mean of the vectors of what they consumed. */
package org.interestlab.profile;
