package org.techroute.api.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A test identity provider without a network: a locally generated RSA key pair, the public key as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and signed JWTs with the claims asked for.
 */
final class TestIssuer {

    static final String ISSUER = "https://login.techroute.test/realms/field";

    private final KeyPair keys;
    private final Path publicKeyPem;

    TestIssuer(Path folder) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            publicKeyPem = folder.resolve("issuer-public.pem");
            Files.writeString(publicKeyPem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    java.security.interfaces.RSAPublicKey publicKey() {
        return (java.security.interfaces.RSAPublicKey) keys.getPublic();
    }

    Path publicKeyPem() {
        return publicKeyPem;
    }

    /** A token valid for five minutes with the roles (in the {@code roles} claim) and technician id given. */
    String token(String subject, List<String> roles, String technicianId) {
        return sign(claims(subject, roles, technicianId, ISSUER, Instant.now().plusSeconds(300)).build(),
                (RSAPrivateKey) keys.getPrivate());
    }

    static JWTClaimsSet.Builder claims(String subject, List<String> roles, String technicianId, String issuer,
            Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires))
                .claim("preferred_username", subject).claim("roles", roles);
        if (technicianId != null) {
            claims.claim("technician_id", technicianId);
        }
        return claims;
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, (RSAPrivateKey) keys.getPrivate());
    }

    static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair the service does not trust. */
    static RSAPrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
