/**
 * The command line, {@code bin/magic}: super-net training and the benchmark. Every command checks
 * its input before it writes anything, reports bad input in one line with exit code 2, and leaves a
 * run directory that it can resume from.
 */
package org.magicnas.cli;
