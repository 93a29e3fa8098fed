package org.wardwatch.core.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what in a data directory other accounts on the machine could open: a folder or file with any
 * permission for its group or for others. WardWatch creates everything owner-only, so such a path was
 * made by an older version, by a copy or restore, or by hand; it is reported, not changed, because
 * the operator may have meant it (a backup group) and should decide.
 */
public final class ExposedFiles {
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private ExposedFiles() {
    }

    /** The first path under {@code root} (itself included) that group or others may use, if any. */
    public static Optional<Path> first(Path root) {
        if (!Files.exists(root) || !root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        Path[] found = new Path[1];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return check(dir);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return attrs.isSymbolicLink() ? FileVisitResult.CONTINUE : check(file);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                private FileVisitResult check(Path p) {
                    if (!open(p)) return FileVisitResult.CONTINUE;
                    found[0] = p;
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(found[0]);
    }

    /** The one-line warning for a data directory, or empty when nothing in it is open to others. */
    public static Optional<String> warning(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        return first(root).map(p -> (p.equals(root) ? "the data directory " + p : p) + " can be opened by other accounts "
                + "on this machine (mode " + mode(p) + "); it holds patient data, fix with: chmod -R go-rwx " + root);
    }

    /** Whether group or others hold any permission on the path. */
    public static boolean open(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            return perms.stream().anyMatch(OPEN::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
