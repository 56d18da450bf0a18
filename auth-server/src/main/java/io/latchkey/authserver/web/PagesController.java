package io.latchkey.authserver.web;

import java.security.Principal;
import java.util.UUID;

import io.latchkey.store.account.AccountRepository;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the page a person lands on when signed in with nowhere else to go. */
@Controller
class PagesController {

    private final AccountRepository accounts;

    PagesController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        this.accounts.findById(UUID.fromString(principal.getName()))
                .ifPresent(account -> model.addAttribute("account", account));
        return "home";
    }
}
