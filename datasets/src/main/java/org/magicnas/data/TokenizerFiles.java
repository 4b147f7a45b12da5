package org.magicnas.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads and writes HuggingFace {@code tokenizer.json} files for a WordPiece {@link Vocabulary}.
 *
 * <p>The written pipeline is BertNormalizer (clean_text, handle_chinese_chars, strip_accents
 * following lowercase, lowercase), BertPreTokenizer, WordPiece ({@code [UNK]}, prefix {@code ##},
 * at most 100 characters per word), a TemplateProcessing post-processor adding {@code [CLS]} and
 * {@code [SEP]}, and a WordPiece decoder. The five special tokens are registered as added tokens.
 */
public final class TokenizerFiles {

    private static final Logger LOG = Logger.getLogger(TokenizerFiles.class.getName());
    private static final Gson GSON =
            new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private TokenizerFiles() {}

    /**
     * Writes a {@code tokenizer.json} for a vocabulary, through a temporary file in the same
     * directory that is atomically moved into place.
     *
     * @param vocabulary the vocabulary
     * @param tokenizerJson the file to write (parent directories are created)
     * @throws CorpusException if the file cannot be written
     */
    public static void write(Vocabulary vocabulary, Path tokenizerJson) {
        JsonObject root = toJson(vocabulary);
        Path target = tokenizerJson.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                GSON.toJson(root, writer);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CorpusException(
                    "cannot write tokenizer file " + target + ": " + e
                            + " (expected a writable directory)", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warning(() -> "cannot delete temporary file: " + e);
                }
            }
        }
        LOG.info(() -> "Wrote " + target + " (" + vocabulary.size() + " tokens)");
    }

    /**
     * Reads the WordPiece vocabulary of a {@code tokenizer.json}.
     *
     * @param tokenizerJson the file
     * @return the vocabulary, in id order
     * @throws CorpusException if the file is missing, unreadable, not a WordPiece tokenizer, or
     *     its ids are not 0..n-1 with the special tokens first
     */
    public static Vocabulary readVocabulary(Path tokenizerJson) {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new CorpusException(
                    "tokenizer file " + tokenizerJson.toAbsolutePath()
                            + " is missing: expected a HuggingFace tokenizer.json");
        }
        JsonObject vocab;
        try (Reader reader = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8)) {
            JsonObject model = JsonParser.parseReader(reader).getAsJsonObject()
                    .getAsJsonObject("model");
            if (model == null || !"WordPiece".equals(model.get("type").getAsString())) {
                throw new CorpusException(
                        "tokenizer file " + tokenizerJson.toAbsolutePath()
                                + " has no WordPiece model: expected model.type = WordPiece");
            }
            vocab = model.getAsJsonObject("vocab");
        } catch (IOException | JsonParseException | IllegalStateException
                | NullPointerException | UnsupportedOperationException e) {
            throw new CorpusException(
                    "cannot read tokenizer file " + tokenizerJson.toAbsolutePath() + ": " + rootMessage(e)
                            + " (expected a HuggingFace tokenizer.json)", e);
        }
        String[] tokens = new String[vocab.size()];
        for (Map.Entry<String, JsonElement> entry : vocab.entrySet()) {
            int id = entry.getValue().getAsInt();
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw new CorpusException(
                        "tokenizer file " + tokenizerJson.toAbsolutePath() + " gives '"
                                + entry.getKey() + "' id " + id + ": expected distinct ids 0.."
                                + (tokens.length - 1));
            }
            tokens[id] = entry.getKey();
        }
        try {
            return new Vocabulary(Arrays.asList(tokens));
        } catch (IllegalArgumentException e) {
            throw new CorpusException(
                    "tokenizer file " + tokenizerJson.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the {@code tokenizer.json} document for a vocabulary.
     *
     * @param vocabulary the vocabulary
     * @return the JSON tree
     */
    static JsonObject toJson(Vocabulary vocabulary) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", addedTokens());
        root.add("normalizer", normalizer());
        JsonObject preTokenizer = new JsonObject();
        preTokenizer.addProperty("type", "BertPreTokenizer");
        root.add("pre_tokenizer", preTokenizer);
        root.add("post_processor", postProcessor());
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "WordPiece");
        decoder.addProperty("prefix", Vocabulary.CONTINUATION_PREFIX);
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        root.add("model", model(vocabulary));
        return root;
    }

    private static JsonArray addedTokens() {
        JsonArray added = new JsonArray();
        for (int id = 0; id < SpecialTokens.ALL.size(); id++) {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", SpecialTokens.ALL.get(id));
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            added.add(token);
        }
        return added;
    }

    private static JsonObject normalizer() {
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", true);
        normalizer.add("strip_accents", JsonNull.INSTANCE);
        normalizer.addProperty("lowercase", true);
        return normalizer;
    }

    private static JsonObject postProcessor() {
        JsonObject post = new JsonObject();
        post.addProperty("type", "TemplateProcessing");
        post.add("single", template(List.of("[CLS]:0", "$A:0", "[SEP]:0")));
        post.add("pair", template(List.of("[CLS]:0", "$A:0", "[SEP]:0", "$B:1", "[SEP]:1")));
        JsonObject specials = new JsonObject();
        specials.add(SpecialTokens.CLS, specialToken(SpecialTokens.CLS, SpecialTokens.CLS_ID));
        specials.add(SpecialTokens.SEP, specialToken(SpecialTokens.SEP, SpecialTokens.SEP_ID));
        post.add("special_tokens", specials);
        return post;
    }

    /** Turns {@code "[CLS]:0"} / {@code "$A:0"} items into TemplateProcessing pieces. */
    private static JsonArray template(List<String> items) {
        JsonArray pieces = new JsonArray();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            String id = item.substring(0, colon);
            int typeId = Integer.parseInt(item.substring(colon + 1));
            JsonObject body = new JsonObject();
            JsonObject piece = new JsonObject();
            if (id.startsWith("$")) {
                body.addProperty("id", id.substring(1));
                body.addProperty("type_id", typeId);
                piece.add("Sequence", body);
            } else {
                body.addProperty("id", id);
                body.addProperty("type_id", typeId);
                piece.add("SpecialToken", body);
            }
            pieces.add(piece);
        }
        return pieces;
    }

    private static JsonObject specialToken(String token, int id) {
        JsonObject special = new JsonObject();
        special.addProperty("id", token);
        JsonArray ids = new JsonArray();
        ids.add(id);
        special.add("ids", ids);
        JsonArray tokens = new JsonArray();
        tokens.add(token);
        special.add("tokens", tokens);
        return special;
    }

    private static JsonObject model(Vocabulary vocabulary) {
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordPiece");
        model.addProperty("unk_token", SpecialTokens.UNK);
        model.addProperty("continuing_subword_prefix", Vocabulary.CONTINUATION_PREFIX);
        model.addProperty("max_input_chars_per_word", WordPieceEncoder.MAX_INPUT_CHARS_PER_WORD);
        JsonObject vocab = new JsonObject();
        List<String> tokens = new ArrayList<>(vocabulary.tokens());
        for (int id = 0; id < tokens.size(); id++) {
            vocab.addProperty(tokens.get(id), id);
        }
        model.add("vocab", vocab);
        return model;
    }

    /** The message of the innermost cause, which says what was wrong without the wrappers' class names. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : "unexpected structure (" + root.getClass().getSimpleName() + ")";
    }
}
