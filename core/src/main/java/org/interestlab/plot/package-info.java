/**
 * Figures people look at: plotly figures of runs, sweeps, clusters, time and benchmarks, built from
 * Tablesaw tables or plain records (never from run folders: reading those is {@code experiment.Runs}).
 * Every builder returns a {@link org.interestlab.plot.PlotlyFigure}, a tablesaw-jsplot {@code Figure}
 * that notebooks render as they render any jsplot figure, that {@code report.html} embeds, and whose
 * {@link org.interestlab.plot.PlotlyFigure#toJson() JSON} tests can read.
 */
package org.interestlab.plot;
