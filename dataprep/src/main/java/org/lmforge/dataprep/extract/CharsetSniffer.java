package org.lmforge.dataprep.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML bytes: a byte-order mark wins, then a {@code <meta charset>} / {@code http-equiv} /
 * XML declaration in the first 4 KiB, else UTF-8. As browsers do (WHATWG Encoding), ISO-8859-1 and
 * US-ASCII labels mean windows-1252, and undeclared bytes that are not valid UTF-8 are read as windows-1252.
 */
public final class CharsetSniffer {
    private CharsetSniffer() {}

    private static final int SNIFF_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DECLARED = Pattern.compile(
        "(?:<meta[^>]+charset\\s*=\\s*[\"']?|<\\?xml[^>]+encoding\\s*=\\s*[\"'])([A-Za-z0-9._:-]+)",
        Pattern.CASE_INSENSITIVE);

    public static String decode(byte[] bytes) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null) return new String(bytes, declared);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    /** The charset named in the document head, or null if none or unknown to the JVM. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) return null;
        String label = m.group(1).toLowerCase(Locale.ROOT);
        switch (label) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii" -> { return WINDOWS_1252; }
            // a page that says UTF-16 in ASCII bytes is not UTF-16 (the BOM check already ran)
            case "utf-16", "utf-16le", "utf-16be" -> { return StandardCharsets.UTF_8; }
            default -> { }
        }
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
