package org.rlhfworkbench.cli;

import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.ImportFormat;
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
}
