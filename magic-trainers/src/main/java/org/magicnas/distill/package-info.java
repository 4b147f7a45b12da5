/**
 * Knowledge distillation for stand-alone retraining (the compression setting of the paper's Table 3):
 * a student child learns from a frozen teacher encoder's masked-LM logits and hidden states.
 */
package org.magicnas.distill;
