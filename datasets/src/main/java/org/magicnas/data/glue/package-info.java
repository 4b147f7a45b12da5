/**
 * GLUE benchmark data: the tasks and their official TSV layouts ({@link
 * org.magicnas.data.glue.GlueTask}), a validating reader ({@link
 * org.magicnas.data.glue.GlueReader}), a Tribuo data source ({@link
 * org.magicnas.data.glue.GlueDataSource}) and the submission writer ({@link
 * org.magicnas.data.glue.GluePredictionWriter}).
 *
 * <p>GLUE cannot be downloaded here: the data source reads the files a user provides, laid out as
 * GLUE's {@code download_glue_data.py} leaves them ({@code <dataDir>/CoLA/train.tsv}, {@code
 * <dataDir>/MNLI/dev_matched.tsv}, ...).
 */
package org.magicnas.data.glue;
