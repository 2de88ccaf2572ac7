package io.audiencehub.sandbox.heap.ui;

import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;

/** What the new-segment form edits, bound field by field. */
public class SegmentDraft {

    public enum Kind { RULE, LIST }

    private String name = "";
    private Kind kind = Kind.RULE;
    private String property;
    private RuleOperator operator = RuleOperator.EQUALS;
    private String value = "";
    private String uploadedList = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getProperty() {
        return property;
    }

    public void setProperty(String property) {
        this.property = property;
    }

    public RuleOperator getOperator() {
        return operator;
    }

    public void setOperator(RuleOperator operator) {
        this.operator = operator;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getUploadedList() {
        return uploadedList;
    }

    public void setUploadedList(String uploadedList) {
        this.uploadedList = uploadedList;
    }
}
