package org.interestlab.experiment;

import java.util.Map;

/**
 * An optional analysis section of a config ({@code hierarchy:}, {@code dynamic:}): it reads the
 * run's data, profiles and fitted profiler from the context, and adds metrics (to
 * {@code metrics.json} under its key) and files (to the run folder).
 */
public interface AnalysisJob {
  /** The config key of the section, also its key in {@code metrics.json}. */
  String key();

  Output run(RunContext ctx);

  /** What a job adds to a run: metrics by name, files by name → content. */
  record Output(Map<String, Double> metrics, Map<String, String> files) {}
}
