package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The routes of a handler's dispatcher, one statement per entry ({@code routes.on(…)}), in a package-private
 * class of their own ({@code <Api>Routes}) that does not grow without bound: javac overflows its stack on one
 * chain of thousands of calls, a method's code is at most 64 KiB and a class's constants at most 65,535, so past
 * {@value #PART_SIZE} routes they go into nested classes of that many each.
 */
public final class RouteTable {
  /** The suffix of the class's name: {@code SiteService} + {@code Routes}. */
  public static final String SUFFIX = "Routes";
  static final int PART_SIZE = 250;

  private RouteTable() {}

  /**
   * The class, whose {@code addAll(routes, handler)} runs every statement.
   *
   * @param routes the statements, each using {@code routes} (a {@code builderType}) and {@code handler}
   */
  public static TypeSpec of(ClassName name, TypeName builderType, TypeName handlerType, List<CodeBlock> routes) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("The routes of {@link $T#dispatcher}: a method of the handler per entry.\n", handlerType)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder addAll = add("addAll", builderType, handlerType);
    if (routes.size() <= PART_SIZE) {
      routes.forEach(addAll::addStatement);
    } else {
      for (int start = 0, part = 0; start < routes.size(); start += PART_SIZE, part++) {
        String partName = "Part" + part;
        MethodSpec.Builder add = add("add", builderType, handlerType);
        routes.subList(start, Math.min(routes.size(), start + PART_SIZE)).forEach(add::addStatement);
        type.addType(TypeSpec.classBuilder(partName)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addMethod(add.build())
            .build());
        addAll.addStatement("$N.add(routes, handler)", partName);
      }
    }
    return type.addMethod(addAll.build()).build();
  }

  private static MethodSpec.Builder add(String name, TypeName builderType, TypeName handlerType) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .addParameter(builderType, "routes")
        .addParameter(handlerType, "handler");
  }
}
