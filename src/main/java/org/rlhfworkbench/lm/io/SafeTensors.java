package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of
 * UTF-8 JSON (padded with spaces to a multiple of 8), then the tensor bytes.
 *
 * <p>Reading memory-maps the data, so tensors are views, not copies; they stay valid after the
 * call. Writing produces the same bytes as Hugging Face's library: tensors sorted by descending
 * dtype alignment then by name, "__metadata__" first (its keys sorted here), compact JSON.
 */
public final class SafeTensors {
    /** The reference implementation refuses larger headers too. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Comparator<TensorData> FILE_ORDER = Comparator
            .comparing((TensorData t) -> t.dtype().ordinal(), Comparator.reverseOrder())
            .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.name()), utf8(b.name())));

    private SafeTensors() {
    }

    /** The tensors of {@code file}, in the order of their data. */
    public static Map<String, TensorData> read(Path file) {
        return open(file).tensors();
    }

    /** The "__metadata__" map of {@code file} (empty when absent); reads only the header. */
    public static Map<String, String> readMetadata(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] header = header(file, channel);
            return SafeTensorsHeader.parse(file, header, channel.size() - 8 - header.length).metadata();
        } catch (NoSuchFileException e) {
            throw new CheckpointException("file not found: " + file, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e, e);
        }
    }

    /** Tensors and metadata of {@code file}. */
    public static SafeTensorsFile open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] header = header(file, channel);
            long dataStart = 8L + header.length;
            long dataLength = channel.size() - dataStart;
            SafeTensorsHeader.Parsed parsed = SafeTensorsHeader.parse(file, header, dataLength);
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            ByteBuffer whole = dataLength <= Integer.MAX_VALUE
                    ? channel.map(FileChannel.MapMode.READ_ONLY, dataStart, dataLength) : null;
            for (SafeTensorsHeader.Entry entry : parsed.entries()) {
                long size = entry.end() - entry.begin();
                if (size > Integer.MAX_VALUE) {
                    throw new CheckpointException(file + ": tensor '" + entry.name() + "' is " + size
                            + " bytes; tensors over 2 GiB are not supported");
                }
                ByteBuffer bytes = whole != null
                        ? whole.slice((int) entry.begin(), (int) size)
                        : channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin(), size);
                tensors.put(entry.name(), new TensorData(entry.name(), entry.dtype(), entry.shape(), bytes,
                        new TensorData.FileSlice(file, dataStart + entry.begin())));
            }
            return new SafeTensorsFile(file, tensors, parsed.metadata());
        } catch (NoSuchFileException e) {
            throw new CheckpointException("file not found: " + file, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e, e);
        }
    }

    private static byte[] header(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new CheckpointException(file + ": file is " + size
                    + " bytes, shorter than the 8-byte header length of a safetensors file");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long length = lengthBytes.getLong(0);
        if (length < 0 || length > size - 8) {
            throw new CheckpointException(file + ": header length " + Long.toUnsignedString(length)
                    + " is beyond the file size " + size + " (not a safetensors file, or truncated)");
        }
        if (length > MAX_HEADER_BYTES) {
            throw new CheckpointException(file + ": header length " + length + " exceeds the 100 MB limit");
        }
        ByteBuffer header = ByteBuffer.allocate((int) length);
        readFully(channel, header, 8);
        return header.array();
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }

    /**
     * Writes {@code tensors} (keyed by their names) and {@code metadata} (may be null or empty: then
     * no "__metadata__" entry) to {@code file} through a temporary file and an atomic rename.
     */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) {
        List<TensorData> ordered = new ArrayList<>(tensors.size());
        tensors.forEach((name, tensor) -> {
            if (!name.equals(tensor.name())) {
                throw new IllegalArgumentException("map key '" + name + "' differs from tensor name '"
                        + tensor.name() + "'");
            }
            if (name.equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor may not be called " + name);
            }
            ordered.add(tensor);
        });
        ordered.sort(FILE_ORDER);
        ByteBuffer header = ByteBuffer.wrap(header(ordered, metadata));
        AtomicFiles.write(file, channel -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.remaining());
            AtomicFiles.writeFully(channel, length);
            AtomicFiles.writeFully(channel, header);
            for (TensorData tensor : ordered) {
                AtomicFiles.writeFully(channel, tensor.data());
            }
        });
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(List<TensorData> ordered, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (metadata != null && !metadata.isEmpty()) {
                json.writeObjectFieldStart(SafeTensorsHeader.METADATA_KEY);
                for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            long offset = 0;
            for (TensorData tensor : ordered) {
                json.writeObjectFieldStart(tensor.name());
                json.writeStringField("dtype", tensor.dtype().name());
                json.writeFieldName("shape");
                long[] shape = tensor.shape();
                json.writeArray(shape, 0, shape.length);
                json.writeFieldName("data_offsets");
                json.writeArray(new long[] {offset, offset + tensor.byteSize()}, 0, 2);
                json.writeEndObject();
                offset += tensor.byteSize();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JSON failed", e);
        }
        while (out.size() % 8 != 0) {
            out.write(' ');
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
