/**
 * Run directories: every run leaves {@code runs/<time>-<name>/} with its configuration, log, metrics
 * and checkpoints, from which it can be resumed.
 */
package org.magicnas.run;
