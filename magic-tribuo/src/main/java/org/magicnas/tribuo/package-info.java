/**
 * MAGIC packaged the Tribuo way: {@link org.magicnas.tribuo.MagicFineTuneTrainer} fine-tunes a
 * searched (or fixed) encoder on a Tribuo {@code Dataset} of {@code Label}s or {@code Regressor}s and
 * returns a {@link org.magicnas.tribuo.MagicModel}: batched prediction, class probabilities,
 * self-contained protobuf serialization and provenance from which the trainer can be re-created.
 * Text reaches the model as token features made by {@code BertTextExtractor}, read by name.
 */
package org.magicnas.tribuo;
