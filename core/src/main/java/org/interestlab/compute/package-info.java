/** DJL plumbing: offline engine start-up, device selection, batched distances and top-k. */
package org.interestlab.compute;
