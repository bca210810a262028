/**
 * The command line: Main (picocli; exit code 2 for a user's mistake, 1 for a failure), one *Command
 * class per command that binds its options and configuration (JobConfig: defaults, --config,
 * --conf, the command's own options, later ones winning), and Launch, which checks and runs the
 * jobs on one Spark session started only when a job needs it (the job commands through JobCommand).
 * No stage logic lives here: the jobs are in org.lmforge.pipeline; the options several commands
 * share are picocli mixins (*Option, *Options).
 */
package org.lmforge.jobs;
