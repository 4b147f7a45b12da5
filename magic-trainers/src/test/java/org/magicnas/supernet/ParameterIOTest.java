package org.magicnas.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;

class ParameterIOTest {
    private static final SearchSpace SPACE = new SearchSpace("io", 16, 2, 16, List.of(OperatorSpec.mha(2, 16), OperatorSpec.conv(3)));

    @Test
    void roundTripCopiesValuesIntoTheExistingArrays() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            SuperNet a = new SuperNet(new SuperNetConfig(SPACE, 30, 8, 0f));
            a.initialize(m);
            Engine.getInstance().setRandomSeed(2);
            SuperNet b = new SuperNet(new SuperNetConfig(SPACE, 30, 8, 0f));
            b.initialize(m);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            List<NDArray> before = b.allParameters().stream().map(p -> p.getArray()).toList();
            b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            for (int i = 0; i < before.size(); i++) {
                assertTrue(before.get(i) == b.allParameters().get(i).getArray(), "the array object was replaced");
                assertArrayEquals(a.allParameters().get(i).getArray().toFloatArray(), b.allParameters().get(i).getArray().toFloatArray());
                assertTrue(b.allParameters().get(i).getArray().hasGradient(), "loaded parameters must still require gradients");
            }
        }
    }

    @Test
    void aDifferentStructureIsNamed() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet a = new SuperNet(new SuperNetConfig(SPACE, 30, 8, 0f));
            a.initialize(m);
            SuperNet other = new SuperNet(new SuperNetConfig(SPACE, 31, 8, 0f));
            other.initialize(m);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            IOException e = assertThrows(IOException.class, () -> other.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
            assertTrue(e.getMessage().contains("token_table"), e.getMessage());
        }
    }

    @Test
    void copyIntoKeepsTheTargetAndItsValuesFollowTheSource() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.zeros(new Shape(3, 4));
            NDArray source = m.arange(12f).reshape(3, 4);
            ParameterIO.copyInto(target, source);
            source.close();
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, target.toFloatArray());
        }
    }
}
