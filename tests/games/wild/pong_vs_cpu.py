"""Pong vs CPU
Move your paddle with W/S or the mouse. First to 11 wins.
Beeps are synthesised at start-up with the array module (no sound files needed).
"""
import array
import math
import random
import sys

import pygame

pygame.mixer.pre_init(44100, -16, 1, 512)
pygame.init()

WIDTH, HEIGHT = 800, 500
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Pong vs CPU")
clock = pygame.time.Clock()
score_font = pygame.font.Font(None, 80)
small_font = pygame.font.Font(None, 30)


def make_beep(freq, duration=0.08, volume=0.4):
    sample_rate = 44100
    n = int(sample_rate * duration)
    samples = array.array("h", [0] * n)
    amplitude = int(32767 * volume)
    for i in range(n):
        t = i / sample_rate
        value = amplitude if math.sin(2 * math.pi * freq * t) > 0 else -amplitude
        fade = 1 - i / n
        samples[i] = int(value * fade)
    try:
        return pygame.mixer.Sound(buffer=samples.tobytes())
    except pygame.error:
        return None


def play(sound):
    if sound is not None:
        sound.play()


paddle_sound = make_beep(440)
wall_sound = make_beep(220)
score_sound = make_beep(880, 0.3)

player = pygame.Rect(20, HEIGHT // 2 - 45, 12, 90)
cpu = pygame.Rect(WIDTH - 32, HEIGHT // 2 - 45, 12, 90)
ball = pygame.Rect(0, 0, 14, 14)
ball_speed = [0, 0]
player_score = 0
cpu_score = 0
use_mouse = False
winner = None


def reset_ball(direction):
    ball.center = (WIDTH // 2, HEIGHT // 2)
    angle = random.uniform(-0.6, 0.6)
    ball_speed[0] = 6 * direction * math.cos(angle)
    ball_speed[1] = 6 * math.sin(angle)


reset_ball(random.choice([-1, 1]))

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.MOUSEMOTION:
            use_mouse = True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_w, pygame.K_s):
                use_mouse = False
            if event.key == pygame.K_SPACE and winner:
                player_score = cpu_score = 0
                winner = None
                reset_ball(1)

    if winner is None:
        keys = pygame.key.get_pressed()
        if use_mouse:
            player.centery = pygame.mouse.get_pos()[1]
        else:
            player.y += (keys[pygame.K_s] - keys[pygame.K_w]) * 7
        player.clamp_ip(screen.get_rect())

        # CPU follows the ball with a little lag so it can be beaten
        if ball_speed[0] > 0:
            target = ball.centery + random.randint(-20, 20)
        else:
            target = HEIGHT // 2
        if cpu.centery < target - 10:
            cpu.y += 5
        elif cpu.centery > target + 10:
            cpu.y -= 5
        cpu.clamp_ip(screen.get_rect())

        ball.x += ball_speed[0]
        ball.y += ball_speed[1]
        if ball.top <= 0 or ball.bottom >= HEIGHT:
            ball_speed[1] *= -1
            ball.clamp_ip(screen.get_rect())
            play(wall_sound)
        if ball.colliderect(player) and ball_speed[0] < 0:
            offset = (ball.centery - player.centery) / 45
            speed = min(math.hypot(*ball_speed) * 1.05, 14)
            ball_speed[0] = speed * math.cos(offset)
            ball_speed[1] = speed * math.sin(offset)
            play(paddle_sound)
        if ball.colliderect(cpu) and ball_speed[0] > 0:
            offset = (ball.centery - cpu.centery) / 45
            speed = min(math.hypot(*ball_speed) * 1.05, 14)
            ball_speed[0] = -speed * math.cos(offset)
            ball_speed[1] = speed * math.sin(offset)
            play(paddle_sound)
        if ball.right < 0:
            cpu_score += 1
            play(score_sound)
            reset_ball(1)
        elif ball.left > WIDTH:
            player_score += 1
            play(score_sound)
            reset_ball(-1)
        if player_score >= 11:
            winner = "You win!"
        elif cpu_score >= 11:
            winner = "CPU wins!"

    screen.fill((0, 0, 0))
    pygame.draw.aaline(screen, (120, 120, 120), (WIDTH // 2, 0), (WIDTH // 2, HEIGHT))
    pygame.draw.rect(screen, (255, 255, 255), player)
    pygame.draw.rect(screen, (255, 255, 255), cpu)
    pygame.draw.ellipse(screen, (255, 255, 255), ball)
    left = score_font.render(str(player_score), True, (255, 255, 255))
    right = score_font.render(str(cpu_score), True, (255, 255, 255))
    screen.blit(left, (WIDTH // 4 - left.get_width() // 2, 20))
    screen.blit(right, (3 * WIDTH // 4 - right.get_width() // 2, 20))
    if winner:
        text = small_font.render(f"{winner}  Press SPACE to play again", True, (255, 220, 0))
        screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    clock.tick(60)
