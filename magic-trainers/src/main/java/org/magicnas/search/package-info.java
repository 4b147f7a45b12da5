/**
 * Architecture search over a trained super-net: progressive shrinking of the space by the children
 * that contain each choice, evolutionary search, and constraints on parameters and FLOPs.
 */
package org.magicnas.search;
