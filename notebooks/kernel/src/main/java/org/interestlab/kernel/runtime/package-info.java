/**
 * What cells call, statically imported at start-up as in IJava: {@code display(...)},
 * {@code render(...)}, {@code updateDisplay(...)}.
 */
package org.interestlab.kernel.runtime;
