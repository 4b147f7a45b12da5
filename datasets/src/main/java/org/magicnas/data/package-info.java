/**
 * Corpora, a WordPiece tokenizer and masked-language-model batches for the MAGIC search.
 *
 * <p>The pipeline is: locate a corpus ({@link org.magicnas.data.CorpusLocator}), load it
 * ({@link org.magicnas.data.BrownCorpus}, {@link org.magicnas.data.PlainTextCorpus}), split it by
 * document ({@link org.magicnas.data.CorpusSplit}), train a WordPiece vocabulary on the training
 * part ({@link org.magicnas.data.WordPieceTrainer}), write it as a HuggingFace {@code
 * tokenizer.json} ({@link org.magicnas.data.TokenizerFiles}), load it through DJL ({@link
 * org.magicnas.data.TextTokenizer}), pack documents into rows ({@link
 * org.magicnas.data.TokenSequences}) and serve deterministic masked batches ({@link
 * org.magicnas.data.MlmDataset}).
 *
 * <p>Every user-facing failure is reported as a {@link org.magicnas.data.CorpusException} with a
 * one-line message.
 */
package org.magicnas.data;
