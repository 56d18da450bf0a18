package io.latchkey.democlient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The demo's pages: everything about the account comes from resource-api, with the user's token. */
@Controller
class AccountPages {

    private final RestClient resourceApi;
    private final SignOut signOut;

    AccountPages(RestClient resourceApi, SignOut signOut) {
        this.resourceApi = resourceApi;
        this.signOut = signOut;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("profile", this.resourceApi.get().uri("/api/users/me").retrieve().body(Profile.class));
        model.addAttribute("sessions", this.resourceApi.get().uri("/api/users/me/sessions").retrieve()
                .body(new ParameterizedTypeReference<List<Session>>() { }));
        return "profile";
    }

    @PostMapping("/profile/name")
    String rename(@RequestParam String name, RedirectAttributes redirect) {
        try {
            this.resourceApi.patch().uri("/api/users/me").body(Map.of("name", name)).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("saved", "Your name was saved.");
        }
        catch (HttpClientErrorException.BadRequest invalid) {
            redirect.addFlashAttribute("nameError", "Enter a name of 1 to 100 characters.");
        }
        return "redirect:/profile";
    }

    /** A password change ends every session of the user, this one included: sign in again. */
    @PostMapping("/profile/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            this.resourceApi.put().uri("/api/users/me/password")
                    .body(Map.of("currentPassword", currentPassword, "newPassword", newPassword))
                    .retrieve().toBodilessEntity();
        }
        catch (HttpClientErrorException.BadRequest invalid) {
            redirect.addFlashAttribute("passwordError", invalid.getResponseBodyAsString().contains("currentPassword")
                    ? "That is not your current password." : "Choose a new password of 8 to 128 characters.");
            return "redirect:/profile";
        }
        this.signOut.locally(request);
        return "redirect:/?passwordChanged";
    }

    @PostMapping("/sessions/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        this.resourceApi.delete().uri("/api/users/me/sessions/{id}", id).retrieve().toBodilessEntity();
        redirect.addFlashAttribute("saved", "The session was signed out.");
        return "redirect:/profile";
    }

    @GetMapping("/account/delete")
    String confirmDelete(Model model) {
        model.addAttribute("profile", this.resourceApi.get().uri("/api/users/me").retrieve().body(Profile.class));
        return "delete";
    }

    /** resource-api refuses to delete the only admin account (409); the person is told, and stays signed in. */
    @PostMapping("/account/delete")
    String delete(HttpServletRequest request, RedirectAttributes redirect) {
        try {
            this.resourceApi.delete().uri("/api/users/me").retrieve().toBodilessEntity();
        }
        catch (HttpClientErrorException.Conflict onlyAdmin) {
            redirect.addFlashAttribute("deleteError",
                    "This is the only admin account, so it cannot be deleted. Nothing was changed.");
            return "redirect:/account/delete";
        }
        this.signOut.locally(request);
        return "redirect:/?deleted";
    }

    record Profile(UUID id, String name, String email, boolean emailVerified, String role, Instant createdAt, Instant updatedAt) {
    }

    /** A session as resource-api lists it; {@code current} is this browser's. */
    record Session(String id, String clientId, String clientName, Instant createdAt, Instant lastRefreshed,
            Instant expiresAt, boolean current) {
    }
}
