package org.magicnas.data.image;

import java.nio.file.Path;

/**
 * One image of an {@link ImageFolder}: its file and the index of its class.
 *
 * @param file the image file
 * @param classIndex the index of its class in {@link ImageFolder#classes()}
 */
public record ImageEntry(Path file, int classIndex) {}
