/** Reproducible runs: YAML configs parsed into records, the component registry, the runner and run directories. */
package org.interestlab.experiment;
