/**
 * The job contract every command runs on (Job: check, complete, run; ConfiguredJob, the base of a
 * job built from one configuration record), chains of jobs, progress lines, UserError, the
 * exception for a user's mistake (exit code 2), and Sessions, the Spark session a job runs on.
 *
 * <p>The commands that bind and launch jobs are in org.lmforge.jobs.
 */
package org.lmforge.pipeline.job;
