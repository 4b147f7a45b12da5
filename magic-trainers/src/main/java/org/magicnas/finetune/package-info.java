/**
 * Downstream fine-tuning of an encoder: a sequence classification or regression head on the
 * [CLS] position, training with seeded shuffling, a validation split, a learning-rate schedule,
 * early stopping and a checkpoint per epoch, and batched prediction.
 */
package org.magicnas.finetune;
