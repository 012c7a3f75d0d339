package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.SplittableRandom;

/**
 * Base of the network's blocks. Every parameter is declared with its full shape up front (no shape
 * inference), starts as a constant, and gets its random values from {@link #initialize(
 * SplittableRandom)} driven by a seeded Java RNG: DJL's own initialisers draw from the engine's
 * global generator, which a seed in the training config could not reproduce.
 */
public abstract class ZgedBlock extends AbstractBlock {

  protected Parameter weight(String name, long fanIn, long fanOut) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(fanIn, fanOut))
            .optInitializer(new ConstantInitializer(0f))
            .build());
  }

  protected Parameter vector(String name, long size, Parameter.Type type, float value) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(type)
            .optShape(new Shape(size))
            .optInitializer(new ConstantInitializer(value))
            .build());
  }

  protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  /**
   * Draws He-uniform weights for this block and its children from {@code rng}; biases and
   * normalisation shifts stay 0, normalisation scales 1. Parameters must already exist.
   */
  public void initialize(SplittableRandom rng) {
    for (Parameter p : getDirectParameters().values()) {
      if (p.getType() == Parameter.Type.WEIGHT) {
        Shape s = p.getShape();
        // He (Kaiming) uniform, U(±sqrt(6 / fan_in)): the layers feed ReLUs, and Xavier's
        // 2 / (fan_in + fan_out) halves the activation variance at every ReLU, which left the
        // heads' inputs (and the distance Adam can move the outputs at a small learning rate)
        // several times smaller (docs/model.md, "Why the seed recipe did not learn").
        double limit = Math.sqrt(6.0 / s.get(0));
        float[] w = new float[(int) s.size()];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
        Tensors.copyInto(p.getArray(), w);
      }
    }
    for (var child : getChildren().values()) {
      ((ZgedBlock) child).initialize(rng);
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    for (var child : getChildren().values()) {
      child.initialize(manager, dataType, shapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " declares its shapes explicitly");
  }

  static DataType dtype() {
    return DataType.FLOAT32;
  }
}
