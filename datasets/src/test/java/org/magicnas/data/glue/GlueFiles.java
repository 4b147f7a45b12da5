package org.magicnas.data.glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small GLUE files in the official layouts (rows taken from or modelled on the real files). */
final class GlueFiles {

    static final String COLA_QUOTE = "They drank the pub \"dry.";

    static final List<String> COLA_TRAIN = List.of(
            "gj04\t1\t\tOur friends won't buy this analysis, let alone the next one we propose.",
            "gj04\t1\t\tOne more pseudo generalization and I'm giving up.",
            "gj04\t0\t*\t" + COLA_QUOTE,
            "cj99\t1\t\tHe said \"hi\" to the jury.");

    static final List<String> COLA_TEST = List.of(
            "index\tsentence",
            "0\tBill whistled past the house.",
            "1\tThe car honked its way down the road.");

    static final List<String> SST2_TRAIN = List.of(
            "sentence\tlabel",
            "hide new secretions from the parental units \t0",
            "that loves its characters and communicates something rather beautiful \t1");

    static final List<String> MRPC_TRAIN = List.of(
            "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String",
            "1\t702876\t702977\tAmrozi accused his brother , whom he called \" the witness \" ,"
                    + " of deliberately distorting his evidence .\tReferring to him as only"
                    + " \" the witness \" , Amrozi accused his brother of deliberately"
                    + " distorting his evidence .",
            "0\t2108705\t2108831\tYucaipa owned Dominick 's before selling the chain to Safeway"
                    + " in 1998 for $ 2.5 billion .\tYucaipa bought Dominick 's in 1995 for"
                    + " $ 693 million and sold it to Safeway for $ 1.8 billion in 1998 .");

    static final List<String> QQP_TEST = List.of(
            "id\tquestion1\tquestion2",
            "0\tWhy are people so obsessed with having a girlfriend?\tHow can a single man"
                    + " get a girlfriend?",
            "1\tWhat are the best \"books\" to read?\tWhich books should I read?");

    static final String MNLI_HEADER = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse"
            + "\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2"
            + "\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label";

    static String mnliDevRow(int index, String s1, String s2, String label1, String gold) {
        return index + "\t63735\t63735n\tslate\t( ( The ( new rights ) ) )\t( Everyone )"
                + "\t(ROOT (S (NP (DT The))))\t(ROOT (S (NP (NN Everyone))))\t" + s1 + "\t" + s2
                + "\t" + label1 + "\tneutral\tneutral\tneutral\tneutral\t" + gold;
    }

    static final List<String> MNLI_DEV_MATCHED = List.of(
            MNLI_HEADER,
            mnliDevRow(0, "The new rights are nice enough", "Everyone really likes the newest"
                    + " benefits ", "entailment", "neutral"),
            mnliDevRow(1, "This site includes a list of all award winners.", "The Government"
                    + " Executive articles housed on the website are not able to be searched.",
                    "contradiction", "contradiction"),
            mnliDevRow(2, "uh i don't know i i have mixed emotions about him", "I like him for"
                    + " the most part, but would still enjoy seeing someone beat him.",
                    "neutral", "entailment"));

    static final List<String> MNLI_DEV_MISMATCHED = List.of(
            MNLI_HEADER,
            mnliDevRow(0, "Your contribution helped make it possible for us to provide our"
                    + " students.", "Your contributions were of no help.", "contradiction",
                    "contradiction"));

    static final String STSB_HEADER = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2"
            + "\tsentence1\tsentence2";

    static final List<String> STSB_TRAIN = List.of(
            STSB_HEADER + "\tscore",
            "0\tmain-captions\tMSRvid\t2012test\t0001\tnone\tnone\tA plane is taking off."
                    + "\tAn air plane is taking off.\t5.000",
            "1\tmain-captions\tMSRvid\t2012test\t0004\tnone\tnone\tA man is playing a large"
                    + " flute.\tA man is playing a flute.\t3.800",
            "2\tmain-captions\tMSRvid\t2012test\t0005\tnone\tnone\tA man is spreading shreded"
                    + " cheese.\tA man is eating a banana.\t0.000");

    static final List<String> STSB_TEST = List.of(
            STSB_HEADER,
            "0\tmain-captions\tMSRvid\t2012test\t0024\tnone\tnone\tA girl is styling her hair."
                    + "\tA girl is brushing her hair.",
            "1\tmain-captions\tMSRvid\t2012test\t0033\tnone\tnone\tA group of men play soccer"
                    + " on the beach.\tA group of boys are playing soccer on the beach.");

    private GlueFiles() {}

    /** Every sentence above, to train the test tokenizer on. */
    static List<String> texts() {
        return List.of(String.join(" ", COLA_TRAIN), String.join(" ", COLA_TEST),
                String.join(" ", SST2_TRAIN), String.join(" ", MRPC_TRAIN),
                String.join(" ", QQP_TEST), String.join(" ", MNLI_DEV_MATCHED),
                String.join(" ", MNLI_DEV_MISMATCHED), String.join(" ", STSB_TRAIN),
                String.join(" ", STSB_TEST));
    }

    /** Writes lines, each ending in a newline, to {@code dir/relative}. */
    static Path write(Path dir, String relative, List<String> lines) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
