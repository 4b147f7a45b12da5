/**
 * ELECTRA-style pre-training of a found child (the paper's "E-" rows): a small generator fills masked
 * positions with sampled tokens and the child, as discriminator, learns to tell replaced tokens from
 * original ones.
 */
package org.magicnas.electra;
