/**
 * MAGIC packaged the Tribuo way: {@link org.magicnas.tribuo.MagicFineTuneTrainer} fine-tunes a
 * searched (or fixed) encoder on a Tribuo {@code Dataset} of {@code Label}s or {@code Regressor}s and
 * returns a {@link org.magicnas.tribuo.MagicModel}: batched prediction, class probabilities,
 * self-contained protobuf serialization and provenance from which the trainer can be re-created.
 * Text reaches the model as token features made by {@code BertTextExtractor}, read by name.
 * {@link org.magicnas.tribuo.MagicSearchTrainer} searches a text space on the labelled data itself;
 * {@link org.magicnas.tribuo.MagicImageSearchTrainer} searches an image space on pixel features
 * (read by name as well) and returns a {@link org.magicnas.tribuo.MagicImageModel}.
 */
package org.magicnas.tribuo;
