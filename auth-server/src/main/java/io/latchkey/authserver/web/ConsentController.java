package io.latchkey.authserver.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authserver.token.Scopes;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** The consent page the authorization endpoint sends a person to, in Latchkey's own look. */
@Controller
class ConsentController {

    private static final Map<String, String> SCOPE_DESCRIPTIONS = Map.of(
            OidcScopes.PROFILE, "See your name",
            OidcScopes.EMAIL, "See your email address",
            Scopes.ACCOUNT_READ, "Read your Latchkey account and its sessions",
            Scopes.ACCOUNT_WRITE, "Change your name, email and password, end sessions, delete your account");

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final AccountRepository accounts;

    ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
            AccountRepository accounts) {
        this.clients = clients;
        this.consents = consents;
        this.accounts = accounts;
    }

    @GetMapping("/oauth2/consent")
    String consent(Principal principal, Model model,
            @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
            @RequestParam(OAuth2ParameterNames.SCOPE) String scope,
            @RequestParam(OAuth2ParameterNames.STATE) String state) {
        RegisteredClient client = this.clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(BAD_REQUEST, "Unknown client");
        }
        OAuth2AuthorizationConsent previous = this.consents.findById(client.getId(), principal.getName());
        Set<String> approved = previous == null ? Set.of() : previous.getScopes();

        List<ScopeView> toApprove = new ArrayList<>();
        List<ScopeView> alreadyApproved = new ArrayList<>();
        for (String requested : scope.split(" ")) {
            if (requested.isBlank() || OidcScopes.OPENID.equals(requested)) {
                continue; // openid is implied by signing in; nothing to ask about
            }
            ScopeView view = new ScopeView(requested, SCOPE_DESCRIPTIONS.getOrDefault(requested, requested));
            (approved.contains(requested) ? alreadyApproved : toApprove).add(view);
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("scopes", toApprove);
        model.addAttribute("previouslyApprovedScopes", alreadyApproved);
        model.addAttribute("principalName", this.accounts.findById(UUID.fromString(principal.getName()))
                .map(Account::email).orElse(""));
        return "consent";
    }

    record ScopeView(String name, String description) {
    }
}
