/**
 * The super-net as DJL blocks: embeddings, one {@link org.magicnas.supernet.ChoiceLayer} per layer
 * holding every candidate operator, and a masked-LM head tied to the token embedding; for an image
 * space a convolutional stem, inverted-bottleneck and zero-out candidates with BatchNorm, and a
 * classifier head. A forward pass runs one child path; only that path's parameters take part in the
 * graph.
 */
package org.magicnas.supernet;
