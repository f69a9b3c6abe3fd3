package org.rlhfworkbench.cli;

import java.util.Locale;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.cluster.ClusterEngine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Case-insensitive format names with a message that lists the valid ones (exit code 2). */
final class Converters {
    private Converters() {
    }

    static final class ImportFormatConverter implements ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            try {
                return ImportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ExportFormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class EngineConverter implements ITypeConverter<ClusterEngine> {
        @Override
        public ClusterEngine convert(String value) {
            try {
                return ClusterEngine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ModelKindConverter implements ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            try {
                return ModelKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown model kind '" + value + "'; expected policy, sft, reward or base");
            }
        }
    }
}
