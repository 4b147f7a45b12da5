package org.magicnas.tribuo;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.magicnas.device.Devices;
import org.magicnas.image.ImageData;
import org.magicnas.space.Architecture;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.NoGradient;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.tribuo.protos.MagicImageModelProto;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A searched and retrained image classifier as a Tribuo model: the child of an image space with its
 * own weights and BatchNorm statistics, reading pixel features by name. Predictions are batched and
 * carry class probabilities (so top-k error can be measured). The protobuf form is self-contained.
 * Its native memory is freed by {@link #close()}.
 */
public final class MagicImageModel extends Model<Label> implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** The protobuf format version. */
    public static final int CURRENT_VERSION = 0;

    private final Architecture child;
    private final ImageData.Normalisation norm;
    private final int batchSize;
    private final float dropout;
    private final transient LabelAdapter adapter;
    private final transient NDManager manager;
    private final transient SuperNet net;

    MagicImageModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs, Architecture child,
            SuperNet net, NDManager manager, ImageData.Normalisation norm, int batchSize, float dropout) {
        super(name, provenance, features, outputs, true);
        this.child = child;
        this.norm = norm;
        this.batchSize = batchSize;
        this.dropout = dropout;
        this.adapter = new LabelAdapter(outputs);
        this.manager = manager;
        this.net = net;
    }

    /**
     * The searched child.
     *
     * @return its architecture (with its space)
     */
    public Architecture architecture() {
        return child;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected synchronized List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        SearchSpace s = child.space();
        ImageData images = ImageExamples.of(list, s.image().inputChannels(), s.image().resolution(), outputIDInfo.size(), null);
        List<Prediction<Label>> out = new ArrayList<>(list.size());
        for (int from = 0; from < list.size(); from += batchSize) {
            int to = Math.min(list.size(), from + batchSize);
            int first = from;
            try (NDManager sm = manager.newSubManager()) {
                float[] flat = NoGradient.call(() -> {
                    BatchContext ctx = images.context(sm, first, to, norm, 0);
                    return net.classLogits(net.forward(child, ctx, false, new int[0]).output(), ctx, false).softmax(-1).toFloatArray();
                });
                int classes = outputIDInfo.size();
                for (int i = from; i < to; i++) {
                    float[] scores = new float[classes];
                    System.arraycopy(flat, (i - from) * classes, scores, 0, classes);
                    out.add(adapter.prediction(scores, list.get(i)));
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<org.tribuo.Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    /**
     * The device the model's arrays live on. A model read from a file (Tribuo's
     * {@code Model.deserializeFromFile}) lives on the engine's default device; {@link #onDevice} moves a copy.
     *
     * @return {@code cpu} or {@code gpu:N}
     */
    public String device() {
        return Devices.name(manager.getDevice());
    }

    /**
     * A copy of this model (same name, provenance and weights) whose arrays live on another device.
     *
     * @param device {@code cpu}, {@code gpu} or {@code gpu:N}, or empty for the engine's default device
     * @return the copy; close it when done, as this model
     * @throws IllegalArgumentException (one line) for a device of another form or one the engine does not see
     */
    public MagicImageModel onDevice(String device) {
        return rebuild(getName(), getProvenance(), featureIDMap, outputIDInfo, child.space().name(), child.toString(), norm, batchSize, dropout, weights(), Devices.resolve("device", device));
    }

    @Override
    protected MagicImageModel copy(String newName, ModelProvenance newProvenance) {
        return rebuild(newName, newProvenance, featureIDMap, outputIDInfo, child.space().name(), child.toString(), norm, batchSize, dropout,
                weights(), manager.getDevice());
    }

    private synchronized byte[] weights() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static MagicImageModel rebuild(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs,
            String space, String architecture, ImageData.Normalisation norm, int batchSize, float dropout, byte[] weights, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            SearchSpace s = Preset.of(space).space();
            Architecture child = Architecture.parse(s, architecture);
            SuperNet net = new SuperNet(SuperNetConfig.forImages(s, outputs.size(), dropout));
            net.initialize(manager);
            net.load(new DataInputStream(new ByteArrayInputStream(weights)));
            return new MagicImageModel(name, provenance, features, outputs, child, net, manager, norm, batchSize, dropout);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new IllegalStateException("the model's weights do not match " + architecture + " in " + space + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Label> carrier = createDataCarrier();
        MagicImageModelProto.Builder proto = MagicImageModelProto.newBuilder()
                .setMetadata(carrier.serialize().toByteString())
                .setSpace(child.space().name())
                .setArchitecture(child.toString())
                .setClasses(outputIDInfo.size())
                .setBatchSize(batchSize)
                .setDropout(dropout)
                .setWeights(ByteString.copyFrom(weights()));
        for (int c = 0; c < norm.mean().length; c++) {
            proto.addMean(norm.mean()[c]).addStd(norm.std()[c]);
        }
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(MagicImageModel.class.getName())
                .setSerializedData(Any.pack(proto.build())).build();
    }

    /**
     * Deserialization factory, called by Tribuo's {@code Model.deserialize} through reflection.
     *
     * @param version the format version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not a MAGIC image model
     */
    @SuppressWarnings("unchecked")
    public static MagicImageModel deserializeFromProto(int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version " + CURRENT_VERSION);
        }
        MagicImageModelProto proto = message.unpack(MagicImageModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        float[] mean = new float[proto.getMeanCount()];
        float[] std = new float[proto.getStdCount()];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = proto.getMean(c);
            std[c] = proto.getStd(c);
        }
        return rebuild(carrier.name(), carrier.provenance(), carrier.featureDomain(), (ImmutableOutputInfo<Label>) carrier.outputDomain(),
                proto.getSpace(), proto.getArchitecture(), new ImageData.Normalisation(mean, std), proto.getBatchSize(), proto.getDropout(),
                proto.getWeights().toByteArray(), null);
    }

    /** Frees the model's native memory; the model cannot predict afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("MagicImageModel uses protobuf serialization: call serialize() or Model.serializeToFile");
    }
}
