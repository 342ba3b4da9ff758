/**
 * Renderers for project types, registered when the kernel starts: Tablesaw tables as HTML tables
 * (with a text/plain view), tablesaw-jsplot figures as HTML with plotly.js inlined. Loaded through
 * the project class loader because they refer to Tablesaw.
 */
package org.interestlab.kernel.render;
