package org.magicnas.data.image;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Time stamps for provenance. */
final class ProvenanceTimes {

    private ProvenanceTimes() {}

    /**
     * Returns a file's last modification time in the system time zone, as Tribuo's own data
     * sources record it.
     *
     * @param file the file
     * @return the modification time (the epoch if it cannot be read)
     */
    static OffsetDateTime modified(Path file) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(file.toFile().lastModified()),
                ZoneId.systemDefault());
    }
}
