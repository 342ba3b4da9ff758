package org.interestlab.kernel;

import java.util.HashSet;
import java.util.Set;
import org.interestlab.kernel.runtime.CellStop;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Puts a call to {@link CellStop#check()} before every backward jump in a cell's class, so that an
 * interrupt ends loops that swallow {@code Thread.stop}'s {@code ThreadDeath} (a loop catching
 * {@code Throwable} around a blocking call). The call takes nothing from the operand stack and
 * leaves nothing, so stack map frames stay valid. Linear in the class size.
 */
final class CellStopInstrumenter {
  private static final String OWNER = Type.getInternalName(CellStop.class);

  private CellStopInstrumenter() {}

  static byte[] instrument(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new BackEdgeChecks(super.visitMethod(access, name, descriptor, signature, exceptions));
      }
    }, 0);
    return writer.toByteArray();
  }

  /** A jump to a label already seen in the method is a backward jump: a loop's next round. */
  private static final class BackEdgeChecks extends MethodVisitor {
    private final Set<Label> seen = new HashSet<>();

    BackEdgeChecks(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitLabel(Label label) {
      seen.add(label);
      super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (seen.contains(label)) super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 1), maxLocals);
    }
  }
}
