/**
 * Where arrays live and in which floating-point precision training runs: {@link org.magicnas.device.Devices}
 * parses and checks {@code cpu}, {@code gpu} and {@code gpu:N} against what DJL's engine sees, and
 * {@link org.magicnas.device.Precision} names the training precisions, refused where the engine cannot run them.
 */
package org.magicnas.device;
