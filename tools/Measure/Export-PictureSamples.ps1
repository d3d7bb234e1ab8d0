# The pictures a newcomer meets first, written as SVG and turned into PNG to look at (not a test): the README's
# Iris loss chart, a six-run sweep's loss chart with its legend, the seed step's diagram, the worksheet's diagram,
# a 10-class confusion matrix (Digits), the animated decision boundary's last frame and a gradient-flow chart.
# PNGs need Debian's librsvg2-bin (rsvg-convert; `apt-get install -y librsvg2-bin`) or a headless Chromium; without
# either only the SVGs are written. -Fonts DejaVu renders with DejaVu Sans only (a Linux box without Arial or its
# metric twin Liberation Sans, where text runs widest); -Fonts Default with whatever fontconfig picks.
# Run after `dotnet pwsh ./build.ps1 Build`:
#   dotnet pwsh ./tools/Measure/Export-PictureSamples.ps1 -OutputPath ./samples [-ModulePath ./out/BackpropPS] [-Fonts DejaVu]
param(
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'),
    [ValidateSet('Default', 'DejaVu')] [string] $Fonts = 'Default',
    [int] $Zoom = 2
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
if (Test-Path -PathType Container $ModulePath) { $ModulePath = Join-Path $ModulePath BackpropPS.psd1 }
New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path

# The module in a child process, so that two builds can be compared from one shell.
$write = {
    param($module, $out)
    Import-Module $module
    Set-Location $out
    # The README's tour: the Iris run and its loss chart.
    $model = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
    $iris = Get-BackpropDataset Iris
    $run = $iris | Invoke-BackpropTraining -Network $model -TargetColumn species -Optimizer Adam -LearningRate 0.01 -Epochs 300 -BatchSize 16 -ValidationFraction 0.2 -Seed 3 -Standardize
    $run | Export-BackpropLossChart -Path loss.svg -Force
    # Six runs of XOR: three optimizers at two learning rates, one legend entry each.
    $xor = @{ Input = (@(0, 0), @(0, 1), @(1, 0), @(1, 1)); Target = 0, 1, 1, 0; Epochs = 300; BatchSize = 0 }
    $sweep = Invoke-BackpropSweep -Network (New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 2) -Grid @{ Optimizer = 'Sgd', 'Momentum', 'Adam'; LearningRate = 0.01, 0.1 } -Parameters $xor
    $sweep | Export-BackpropLossChart -Path sweep.svg -Force
    # The seed step and the worksheet.
    $net = New-BackpropNetwork -Example StepByStep
    $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5 | Export-BackpropDiagram -Path step.svg -Force
    $null = New-BackpropExercise -Example StepByStep -Path sheet -Force
    # Ten classes: the held-out Digits.
    $digits = Get-BackpropDataset Digits -Split Train -Seed 1
    $drun = $digits | Invoke-BackpropTraining -Network (New-BackpropNetwork -LayerSize 64, 32, 10 -Activation ReLU, Softmax -Seed 1) -Optimizer Adam -LearningRate 0.01 -Epochs 30 -BatchSize 32 -Shuffle -Seed 1
    Get-BackpropDataset Digits -Split Test -Seed 1 | Measure-BackpropAccuracy -Network $drun[-1].Network | Export-BackpropConfusionMatrix -Path confusion.svg -Force
    # The circle: an animated boundary (a viewer without SMIL, as rsvg-convert, shows its last frame) and its gradient flow.
    $circle = Get-BackpropDataset Circle -Count 200 -Noise 0.05 -Seed 1
    $crun = $circle | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 8, 1 -Activation Tanh, Sigmoid -Seed 1) -TargetColumn label -Optimizer Adam -LearningRate 0.03 -Epochs 100 -Standardize -Seed 1 -GradientFlow
    $crun | Export-BackpropDecisionBoundary -Path boundary.svg -Data $circle -Animate -Force
    $crun.GradientFlow | Export-BackpropGradientFlowChart -Path flow.svg -Force
}
& (Join-Path $PSHOME 'pwsh') -NoProfile -Command $write -args $ModulePath, $OutputPath
if ($LASTEXITCODE) { throw "Writing the samples failed ($LASTEXITCODE)." }

# DejaVu only: a fontconfig file that knows no other fonts, so every family in a font stack falls back to it.
$env:FONTCONFIG_FILE = $null
if ($Fonts -eq 'DejaVu') {
    $config = Join-Path $OutputPath 'dejavu-only.conf'
    Set-Content -Path $config -Value @'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <cachedir>/tmp/backprop-dejavu-fontcache</cachedir>
</fontconfig>
'@
    $env:FONTCONFIG_FILE = $config
}

$rsvg = Get-Command rsvg-convert -ErrorAction SilentlyContinue
$chrome = 'chromium', 'chromium-browser', 'google-chrome' | ForEach-Object { Get-Command $_ -ErrorAction SilentlyContinue } | Select-Object -First 1
foreach ($svg in Get-ChildItem $OutputPath -Filter *.svg) {
    $png = [IO.Path]::ChangeExtension($svg.FullName, '.png')
    if ($rsvg) { & $rsvg.Source --zoom $Zoom --background-color white -o $png $svg.FullName }
    elseif ($chrome) { & $chrome.Source --headless --disable-gpu --screenshot=$png --force-device-scale-factor=$Zoom "file://$($svg.FullName)" 2>$null }
    else { Write-Warning 'Neither rsvg-convert nor Chromium is installed: only the SVGs are written.'; break }
    Get-Item $png -ErrorAction SilentlyContinue
}
