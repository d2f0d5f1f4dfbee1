package org.mmlab.rl.policy;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the DJL blocks of a {@link NetworkSpec} and moves their parameters to and from bytes
 * ({@link Block#saveParameters}/{@link Block#loadParameters}, DJL's own parameter encoding).
 */
public final class PolicyNetworks {
  private PolicyNetworks() {}

  /**
   * The policy MLP: {@code Linear → tanh} per hidden width, then a linear layer of {@link
   * NetworkSpec#logitCount()} logits.
   *
   * @param spec the shape
   * @return an uninitialized block
   */
  public static SequentialBlock policyBlock(NetworkSpec spec) {
    return mlp(spec.policyHidden(), spec.logitCount());
  }

  /**
   * The value MLP: {@code Linear → tanh} per hidden width, then one linear unit.
   *
   * @param spec the shape
   * @return an uninitialized block
   */
  public static SequentialBlock valueBlock(NetworkSpec spec) {
    return mlp(spec.valueHidden(), 1);
  }

  private static SequentialBlock mlp(List<Integer> hidden, int outputs) {
    SequentialBlock block = new SequentialBlock();
    for (int width : hidden) {
      block.add(Linear.builder().setUnits(width).build());
      block.add(Activation.tanhBlock());
    }
    block.add(Linear.builder().setUnits(outputs).build());
    return block;
  }

  /**
   * Encodes a block's parameters with DJL's {@link Block#saveParameters}.
   *
   * @param block an initialized block
   * @return the bytes
   */
  public static byte[] save(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Loads parameters saved by {@link #save} into a block of the same structure, initializing it
   * first so that every parameter exists.
   *
   * @param block the block
   * @param manager owns the loaded arrays
   * @param observationSize the input width
   * @param bytes the encoded parameters
   * @throws MalformedModelException when the bytes do not fit the block
   */
  public static void load(Block block, NDManager manager, int observationSize, byte[] bytes)
      throws MalformedModelException {
    if (!block.isInitialized()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, observationSize));
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
    } catch (IOException e) {
      throw new MalformedModelException("truncated parameter data: " + e.getMessage(), e);
    }
  }
}
