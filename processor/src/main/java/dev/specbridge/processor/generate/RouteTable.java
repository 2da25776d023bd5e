package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The routes of a handler's dispatcher, in a package-private class of their own ({@code <Api>Routes}): its
 * {@code add(name, routes, handler)} adds the route of one entry, found by a {@code switch} on the wire name, so
 * that the runtime resolves each route when its first message comes (a server of thousands of entries starts
 * without loading their classes). Nothing in it grows without bound: past {@value #PART_SIZE} entries the
 * {@code switch} is split into nested classes of that many each, since a method's code is at most 64 KiB and a
 * class's constants at most 65,535.
 */
public final class RouteTable {
  /** The suffix of the class's name: {@code SiteService} + {@code Routes}. */
  public static final String SUFFIX = "Routes";
  static final int PART_SIZE = 250;

  private RouteTable() {}

  /**
   * The class.
   *
   * @param routes by wire name, the statement that adds its route, using {@code routes} (a {@code builderType})
   *     and {@code handler}
   */
  public static TypeSpec of(ClassName name, TypeName builderType, TypeName handlerType, Map<String, CodeBlock> routes) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("The routes of {@link $T#dispatcher}, each added when its first message comes.\n", handlerType)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<Map.Entry<String, CodeBlock>> entries = new ArrayList<>(routes.entrySet());
    if (entries.size() <= PART_SIZE) {
      return type.addMethod(add(builderType, handlerType, entries)).build();
    }
    List<CodeBlock> parts = new ArrayList<>();
    for (int start = 0, part = 0; start < entries.size(); start += PART_SIZE, part++) {
      String partName = "Part" + part;
      type.addType(TypeSpec.classBuilder(partName)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(add(builderType, handlerType, entries.subList(start, Math.min(entries.size(),
              start + PART_SIZE))))
          .build());
      parts.add(CodeBlock.of("$N.add(name, routes, handler)", partName));
    }
    return type.addMethod(signature(builderType, handlerType)
            .addStatement("return $L", CodeBlock.join(parts, "$W|| "))
            .build())
        .build();
  }

  /** {@code add(name, routes, handler)}: a {@code switch} over {@code entries}, {@code false} for another name. */
  private static MethodSpec add(TypeName builderType, TypeName handlerType, List<Map.Entry<String, CodeBlock>> entries) {
    if (entries.isEmpty()) { // no entry: no name has a route (a switch of a default alone would end unreachably)
      return signature(builderType, handlerType).addStatement("return false").build();
    }
    MethodSpec.Builder add = signature(builderType, handlerType).beginControlFlow("switch (name)");
    entries.forEach(entry -> add.addStatement("case $S -> $L", entry.getKey(), entry.getValue()));
    return add.addCode("default -> {\n$>return false;\n$<}\n")
        .endControlFlow()
        .addStatement("return true")
        .build();
  }

  private static MethodSpec.Builder signature(TypeName builderType, TypeName handlerType) {
    return MethodSpec.methodBuilder("add")
        .addModifiers(Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(String.class, "name")
        .addParameter(builderType, "routes")
        .addParameter(handlerType, "handler");
  }
}
