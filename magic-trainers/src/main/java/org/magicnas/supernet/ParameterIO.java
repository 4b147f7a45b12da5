package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads and writes the values of a fixed list of parameters (name, shape, float32 data). Loading
 * copies the values into the parameters' existing arrays, so weights stay in memory of the engine's
 * own allocator: loaded and freshly trained weights then run through exactly the same kernels, and a
 * resumed run repeats an uninterrupted one bit for bit. A mismatch names the parameter.
 */
public final class ParameterIO {
    private static final int MAGIC = 0x4D414731; // "MAG1"

    private ParameterIO() {}

    /**
     * Writes the parameters' values.
     *
     * @param params the parameters, in a fixed order
     * @param out the stream
     * @throws IOException if writing fails
     */
    public static void save(List<Parameter> params, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(params.size());
        for (Parameter p : params) {
            NDArray a = p.getArray();
            out.writeUTF(p.getName());
            long[] shape = a.getShape().getShape();
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            ByteBuffer bytes = a.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            out.writeInt(raw.length);
            out.write(raw);
        }
    }

    /**
     * Copies values into an existing array in place, keeping its memory. DJL's {@code NDArray.set}
     * and {@code copyTo} would instead make the array a view of a Java buffer.
     *
     * @param target the array to overwrite
     * @param source the values, of the same shape
     */
    public static void copyInto(NDArray target, NDArray source) {
        target.set(new NDIndex("..."), source);
    }

    /**
     * Reads values written by {@link #save} into the parameters' arrays.
     *
     * @param params the parameters, in the order they were saved
     * @param in the stream
     * @throws IOException if reading fails or the saved parameters differ in count, name or shape
     */
    public static void load(List<Parameter> params, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a MAGIC parameter file");
        }
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("the file holds " + n + " parameters, the model has " + params.size());
        }
        for (Parameter p : params) {
            String name = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            NDArray a = p.getArray();
            if (!name.equals(p.getName()) || !new Shape(shape).equals(a.getShape())) {
                throw new IOException("saved parameter " + name + " " + new Shape(shape) + " does not match " + p.getName() + " " + a.getShape());
            }
            byte[] raw = new byte[in.readInt()];
            in.readFully(raw);
            if (a.getDataType() != DataType.FLOAT32 || raw.length != a.size() * Float.BYTES) {
                throw new IOException("saved parameter " + name + " has " + raw.length + " bytes, expected " + a.size() * Float.BYTES);
            }
            try (NDArray loaded = a.getManager().create(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(), a.getShape())) {
                copyInto(a, loaded);
            }
        }
    }
}
