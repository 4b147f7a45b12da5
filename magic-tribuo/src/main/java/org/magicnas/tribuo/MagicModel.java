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
import org.magicnas.finetune.SequenceData;
import org.magicnas.finetune.SequenceModel;
import org.magicnas.finetune.SequencePredictor;
import org.magicnas.finetune.TaskKind;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderSpec;
import org.magicnas.supernet.ParameterIO;
import org.magicnas.tribuo.protos.MagicModelProto;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A fine-tuned MAGIC encoder with its head, as a Tribuo model. Predictions are batched; for labels
 * they carry class probabilities. The protobuf form holds the encoder's description and every weight,
 * so a model file is self-contained. Its native memory is freed by {@link #close()}.
 *
 * <p>Java serialization is not supported (Tribuo is moving to protobuf): use {@link #serialize()}.
 *
 * @param <T> {@code Label} or {@code Regressor}
 */
public final class MagicModel<T extends Output<T>> extends Model<T> implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** The protobuf format version. */
    public static final int CURRENT_VERSION = 0;

    private final EncoderSpec spec;
    private final TaskKind kind;
    private final int outputs;
    private final int maxLength;
    private final int batchSize;
    private final float headDropout;
    private final transient OutputAdapter<T> adapter;
    private final transient NDManager manager;
    private final transient SequenceModel net;

    MagicModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, EncoderSpec spec,
            SequenceModel net, NDManager manager, int maxLength, int batchSize, float headDropout) {
        super(name, provenance, features, outputs, net.kind() == TaskKind.CLASSIFICATION);
        this.spec = spec;
        this.kind = net.kind();
        this.outputs = net.outputs();
        this.maxLength = maxLength;
        this.batchSize = batchSize;
        this.headDropout = headDropout;
        this.adapter = OutputAdapter.of(outputs);
        this.manager = manager;
        this.net = net;
    }

    /**
     * The encoder's architecture and configuration.
     *
     * @return the spec
     */
    public EncoderSpec encoderSpec() {
        return spec;
    }

    /**
     * The longest token sequence the model reads.
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
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
    public MagicModel<T> onDevice(String device) {
        return rebuild(getName(), getProvenance(), featureIDMap, outputIDInfo, spec, kind, outputs, maxLength, batchSize, headDropout, weights(), Devices.resolve("device", device));
    }

    /**
     * Saves the fine-tuned encoder (without the head) as an encoder directory, so that another task
     * can start from it (as STS-B, MRPC and RTE start from MNLI in the paper).
     *
     * @param dir the directory
     * @throws IOException if writing fails
     */
    public synchronized void saveEncoder(java.nio.file.Path dir) throws IOException {
        org.magicnas.supernet.EncoderFiles.save(dir, spec.config(), net.encoder());
    }

    /**
     * Writes the protobuf form of the model to a file, readable by {@code Model.deserializeFromFile}.
     *
     * @param file the file
     * @throws IOException if writing fails
     */
    public void saveTo(java.nio.file.Path file) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".model");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
            serialize().writeTo(out);
        }
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected synchronized List<Prediction<T>> innerPredict(Iterable<Example<T>> examples) {
        List<Example<T>> list = TokenizedExamples.list(examples);
        SequenceData data = TokenizedExamples.of(list, maxLength, null);
        float[][] scores = SequencePredictor.predict(net, manager, data, batchSize);
        List<Prediction<T>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(adapter.prediction(scores[i], list.get(i)));
        }
        return out;
    }

    @Override
    public Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected MagicModel<T> copy(String newName, ModelProvenance newProvenance) {
        return rebuild(newName, newProvenance, featureIDMap, outputIDInfo, spec, kind, outputs, maxLength, batchSize, headDropout, weights(), manager.getDevice());
    }

    private synchronized byte[] weights() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ParameterIO.save(net.trainableParameters(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T extends Output<T>> MagicModel<T> rebuild(String name, ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<T> outputInfo, EncoderSpec spec, TaskKind kind, int outputs, int maxLength, int batchSize, float headDropout,
            byte[] weights, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            ChildModel encoder = spec.newChild();
            encoder.initialize(manager);
            SequenceModel net = new SequenceModel(encoder, kind, outputs, headDropout);
            net.initializeHead(manager);
            ParameterIO.load(net.trainableParameters(), new DataInputStream(new ByteArrayInputStream(weights)));
            return new MagicModel<>(name, provenance, features, outputInfo, spec, net, manager, maxLength, batchSize, headDropout);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new IllegalStateException("the model's weights do not match its encoder " + spec.architecture() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelProto serialize() {
        ModelDataCarrier<T> carrier = createDataCarrier();
        MagicModelProto proto = MagicModelProto.newBuilder()
                .setMetadata(carrier.serialize().toByteString())
                .setTaskKind(kind.name())
                .setOutputs(outputs)
                .setMaxLength(maxLength)
                .setBatchSize(batchSize)
                .setEncoderJson(spec.toJson())
                .setHeadDropout(headDropout)
                .setWeights(ByteString.copyFrom(weights()))
                .build();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(MagicModel.class.getName())
                .setSerializedData(Any.pack(proto)).build();
    }

    /**
     * Deserialization factory, called by Tribuo's {@code Model.deserialize} through reflection.
     *
     * @param version the format version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not a MAGIC model
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static MagicModel<?> deserializeFromProto(int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version " + CURRENT_VERSION);
        }
        MagicModelProto proto = message.unpack(MagicModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        return rebuild(carrier.name(), carrier.provenance(), carrier.featureDomain(), (ImmutableOutputInfo) carrier.outputDomain(),
                EncoderSpec.fromJson(proto.getEncoderJson()), TaskKind.valueOf(proto.getTaskKind()), proto.getOutputs(), proto.getMaxLength(),
                proto.getBatchSize(), proto.getHeadDropout(), proto.getWeights().toByteArray(), null);
    }

    /** Frees the model's native memory; the model cannot predict afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("MagicModel uses protobuf serialization: call serialize() or Model.serializeToFile");
    }
}
