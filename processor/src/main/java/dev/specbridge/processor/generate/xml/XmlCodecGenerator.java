package dev.specbridge.processor.generate.xml;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.ClassConstants;
import dev.specbridge.processor.generate.CodecGenerator;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.RecordIndex;
import dev.specbridge.processor.generate.json.JsonCode;
import dev.specbridge.processor.generate.text.TextCode;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.xml.XmlFields;
import dev.specbridge.runtime.xml.XmlReader;
import dev.specbridge.runtime.xml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes an object's XML codec into its record's class: {@code readXml}, a streaming reader that takes each child
 * element of the object (or of a {@code <record>}) as it comes, with no tree and nothing kept but the record, and
 * {@code writeXml}, the fields as child elements through the record's form codec (an object's fields are
 * name-value pairs in elements). An element no field reads is kept whole among the unknown fields, as XML.
 */
public final class XmlCodecGenerator implements CodecGenerator {
  private final JavaTypes types;
  private final RecordIndex records;

  public XmlCodecGenerator(ApiTypes apiTypes) {
    this.types = apiTypes.java();
    this.records = apiTypes.records();
  }

  @Override
  public WireFormat format() {
    return WireFormat.XML;
  }

  @Override
  public void addTo(TypeSpec.Builder type, RecordIndex.Entry record, ClassConstants constants) {
    TextCode text = new TextCode(records, constants.formatters());
    JsonCode json = new JsonCode(records, constants.formatters());
    type.addMethod(read(record, text, json));
    type.addMethod(MethodSpec.methodBuilder("writeXml")
        .addJavadoc("Writes a record's fields as child elements of the element {@code out} has open; absent fields"
            + " write none.\n\n@param out where to write\n@param value the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(XmlWriter.class, "out")
        .addParameter(record.type(), "value")
        .addStatement("writeForm(new $T(out), value)", XmlFields.class)
        .build());
  }

  private MethodSpec read(RecordIndex.Entry record, TextCode text, JsonCode json) {
    String recordName = String.join(".", record.path());
    MethodSpec.Builder method = MethodSpec.methodBuilder("readXml")
        .addJavadoc("Reads a record from the child elements of the element {@code in} is on, and leaves that"
            + " element; an empty child is an absent value, and a child no field reads is kept as XML.\n\n"
            + "@param in the reader, on the object's element\n@return the record\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record.type())
        .addParameter(XmlReader.class, "in");
    List<FieldModel> fields = record.model().fields();
    for (int i = 0; i < fields.size(); i++) {
      method.addStatement("$T f$L = null", String.class, i);
    }
    boolean keeps = record.model().keepsUnknown();
    if (keeps) {
      method.addStatement("$T unknown = $T.empty()", UnknownFields.class, UnknownFields.class);
    }
    method.beginControlFlow("while (in.nextChild())").beginControlFlow("switch (in.name())");
    for (int i = 0; i < fields.size(); i++) {
      String wire = fields.get(i).wireName();
      method.addStatement("case $S ->$Wf$L = $T.once(f$L, in.value(),$W$S)", wire, i, XmlReader.class, i, wire);
    }
    method.addStatement(keeps
        ? CodeBlock.of("default -> unknown = unknown.with(in.name(), in.raw(), $T.XML)",
            dev.specbridge.runtime.wire.WireFormat.class)
        : CodeBlock.of("default -> throw new $T(\"element <\" + in.name() + \"> is not a field of $L\")",
            ClassName.get(dev.specbridge.runtime.wire.WireFormatException.class), recordName));
    method.endControlFlow().endControlFlow();
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel field = fields.get(i);
      CodeBlock raw = CodeBlock.of("f$L", i);
      CodeBlock value = TextCode.isText(field.type()) ? text.fromText(field.type(), raw, field)
          : CodeBlock.of("f$L == null ? null : $T.read(f$L, $S,$Wp -> $L)", i, Json.class, i, field.wireName(),
              json.readJson(field.type(), "p", field, 0));
      arguments.add(types.constructorArgument(field, value, recordName));
    }
    if (keeps) {
      arguments.add(CodeBlock.of("unknown"));
    }
    return method.addStatement("return new $T($L)", record.type(), CodeBlock.join(arguments, ",$W")).build();
  }
}
