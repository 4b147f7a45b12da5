/** Runnable examples of the Tribuo API of MAGIC. */
package org.magicnas.examples;
