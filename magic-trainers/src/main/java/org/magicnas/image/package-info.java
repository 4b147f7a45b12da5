/**
 * Image classification on an image search space with the same super-net, samplers, alignment,
 * search and analyses as the text line: labelled image data, the classification objective with
 * BatchNorm recalibration before a child is scored, and the search-then-retrain flow.
 */
package org.magicnas.image;
