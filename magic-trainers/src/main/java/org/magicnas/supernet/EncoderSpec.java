package org.magicnas.supernet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;

/**
 * What an encoder is: its super-net configuration (space, vocabulary, positions, dropout) and its
 * architecture, with a JSON form ({@code encoder.json}).
 *
 * @param config the configuration
 * @param architecture the child
 */
public record EncoderSpec(SuperNetConfig config, Architecture architecture) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The JSON form. */
    private record Json(SearchSpace space, String architecture, int vocabSize, int maxPositions, float dropout) {}

    /**
     * The JSON form.
     *
     * @return JSON text
     */
    public String toJson() {
        return GSON.toJson(new Json(config.space(), architecture.toString(), config.vocabSize(), config.maxPositions(), config.dropout()));
    }

    /**
     * Parses the JSON form.
     *
     * @param json JSON text
     * @return the spec
     * @throws IllegalArgumentException if the text is not an encoder description
     */
    public static EncoderSpec fromJson(String json) {
        Json j;
        try {
            j = GSON.fromJson(json, Json.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not an encoder description: " + e.getMessage(), e);
        }
        if (j == null || j.space() == null || j.architecture() == null) {
            throw new IllegalArgumentException("not an encoder description: space or architecture missing");
        }
        SearchSpace space = new SearchSpace(j.space().name(), j.space().hidden(), j.space().layers(), j.space().embeddingDim(), j.space().candidates());
        return new EncoderSpec(new SuperNetConfig(space, j.vocabSize(), j.maxPositions(), j.dropout()), Architecture.parse(space, j.architecture()));
    }

    /**
     * A fresh child of this shape (initialise it, or load weights into it).
     *
     * @return the child
     */
    public ChildModel newChild() {
        return ChildModel.create(config, architecture);
    }
}
