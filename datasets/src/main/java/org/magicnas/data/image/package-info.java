/**
 * The data layer of the image line: Fashion-MNIST and ImageNet-layout image folders, as plain
 * Java loaders and as Tribuo data sources.
 *
 * <ul>
 *   <li>{@link org.magicnas.data.image.IdxFile} reads IDX files of unsigned bytes (raw or
 *       gzipped, detected by content) into {@link org.magicnas.data.image.GreyImages} or labels;
 *   <li>{@link org.magicnas.data.image.FashionMnist} locates and checks the four Fashion-MNIST
 *       files (a given directory, else {@code /usr/share/datasets/fashion-mnist} from the Debian
 *       package {@code dataset-fashion-mnist}, installed by {@code bin/install-fashion-mnist});
 *   <li>{@link org.magicnas.data.image.ImageFolder} lists {@code <root>/{train,val}/<class>/}
 *       images and decodes them with ImageIO;
 *   <li>{@link org.magicnas.data.image.ImageTransform} resizes, crops (centre, or random crop
 *       and flip seeded by seed, epoch and index) and normalises into CHW RGB floats;
 *   <li>{@link org.magicnas.data.image.FashionMnistDataSource} and {@link
 *       org.magicnas.data.image.ImageFolderDataSource} produce Tribuo {@code Label} examples with
 *       dense, position-named features ({@link org.magicnas.data.image.PixelFeatures}).
 * </ul>
 *
 * <p>Every problem with the data raises an {@link org.magicnas.data.image.ImageDataException}
 * whose one-line message names the file or directory and what was expected.
 */
package org.magicnas.data.image;
