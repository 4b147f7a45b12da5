/**
 * Text reaching Tribuo through Tribuo's own types: token features, a BERT-style text feature
 * extractor and the Brown-genre data source.
 *
 * <p>{@link org.magicnas.data.tribuo.TokenFeatures} defines the feature encoding: {@code t000},
 * {@code t001}, ... carry token ids, {@code s000}, ... mark second-segment positions, padding has
 * no feature. Models must decode by feature name ({@link
 * org.magicnas.data.tribuo.TokenFeatures#decode}), never by Tribuo feature id. {@link
 * org.magicnas.data.tribuo.BertTextExtractor} produces that encoding from text with the project's
 * WordPiece tokenizer; {@link org.magicnas.data.tribuo.BrownGenreDataSource} is the embedded
 * downstream task (Brown passages labelled with their genre).
 */
package org.magicnas.data.tribuo;
