package org.magicnas.tribuo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.magicnas.data.TokenizerFiles;
import org.magicnas.data.Vocabulary;
import org.magicnas.data.WordPieceTrainer;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

/**
 * A two-topic text task (sport or food), its tokenizer and a small encoder (MHA2,FFN at E=32), made
 * once per test JVM in a temporary directory.
 */
final class TopicFixture {
    static final String[] SPORT = {"the team won the match", "a goal in the final minute", "the striker scored twice",
        "fans cheered the players", "the coach praised the defence", "a late penalty decided the game"};
    static final String[] FOOD = {"simmer the sauce slowly", "add salt and fresh basil", "bake the bread until golden",
        "the soup needs more pepper", "chop the onions finely", "serve the pasta with cheese"};
    private static Path dir;
    private static BertTextExtractor<Label> labels;
    private static BertTextExtractor<Regressor> values;

    private TopicFixture() {}

    /** The directory holding encoder/ (encoder.json, encoder.params, tokenizer.json). */
    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("magic-topics");
                List<String> texts = new ArrayList<>(List.of(SPORT));
                texts.addAll(List.of(FOOD));
                Vocabulary vocab = WordPieceTrainer.train(texts, 120, 1);
                Path tokenizer = dir.resolve("encoder").resolve("tokenizer.json");
                Files.createDirectories(tokenizer.getParent());
                TokenizerFiles.write(vocab, tokenizer);
                SearchSpace space = new SearchSpace("t", 32, 2, 32, List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64), OperatorSpec.conv(3)));
                SuperNetConfig config = new SuperNetConfig(space, vocab.size(), 32, 0.1f);
                try (NDManager m = NDManager.newBaseManager()) {
                    Engine.getInstance().setRandomSeed(1);
                    ChildModel child = ChildModel.create(config, Architecture.parse(space, "MHA2,FFN"));
                    child.initialize(m);
                    EncoderFiles.save(dir.resolve("encoder"), config, child);
                }
                labels = new BertTextExtractor<>(tokenizer, 24);
                values = new BertTextExtractor<>(tokenizer, 24);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Path tokenizer() {
        return dir().resolve("encoder").resolve("tokenizer.json");
    }

    static BertTextExtractor<Regressor> values() {
        dir();
        return values;
    }

    /** Sentences of two topics, each with a random extra topic word, labelled by topic. */
    static MutableDataset<Label> topics(int n, long seed) {
        dir();
        Random r = new Random(seed);
        List<Example<Label>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean sport = r.nextBoolean();
            String[] pool = sport ? SPORT : FOOD;
            String text = pool[r.nextInt(pool.length)] + " " + pool[r.nextInt(pool.length)].split(" ")[1];
            list.add(labels.extract(new Label(sport ? "sport" : "food"), text));
        }
        return new MutableDataset<>(new ListDataSource<>(list, new LabelFactory(), new SimpleDataSourceProvenance("topics", new LabelFactory())));
    }
}
